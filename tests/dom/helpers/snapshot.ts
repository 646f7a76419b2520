/** Serialises a subtree including the text-node boundaries, so "exactly restored" means exactly. */
export function snapshot(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === 3) parts.push(`#text(${JSON.stringify((n as Text).data)})`);
    else if (n.nodeType === 1) {
      const el = n as Element;
      const attrs = Array.from(el.attributes).map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
      parts.push(`<${el.tagName}${attrs ? ' ' + attrs : ''}>`);
      el.childNodes.forEach(visit);
      parts.push(`</${el.tagName}>`);
    } else parts.push(`#${n.nodeType}`);
  };
  visit(node);
  return parts.join('');
}
