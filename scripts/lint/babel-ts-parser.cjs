/**
 * ESLint parser for src/: Babel's TypeScript preset (TypeScript 7 has no JavaScript API, so
 * typescript-eslint cannot run here). Type-only imports are reported as ordinary imports so that
 * import/no-cycle sees them: a cycle of types is still a cycle between two modules' designs.
 */
'use strict';
const babel = require('@babel/eslint-parser');

const OPTIONS = {
  requireConfigFile: false,
  babelOptions: {
    babelrc: false,
    configFile: false,
    presets: [[require.resolve('@babel/preset-typescript'), { isTSX: true, allExtensions: true }]],
  },
};

function countTypesAsValues(node) {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    if (node.importKind === 'type') node.importKind = 'value';
    if (node.exportKind === 'type' && node.source) node.exportKind = 'value';
    for (const s of node.specifiers ?? []) if (s.importKind === 'type') s.importKind = 'value';
  }
}

function parseForESLint(code, options) {
  const result = babel.parseForESLint(code, { ...options, ...OPTIONS });
  for (const node of result.ast.body) countTypesAsValues(node);
  return result;
}

module.exports = { parseForESLint, parse: (code, options) => parseForESLint(code, options).ast };
