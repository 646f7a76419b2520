import { describe, expect, it } from 'vitest';
import { csvField, escapeMarkdown, fileNameFor, toCsv, toMarkdown, type SourceTable } from '../../../src/ui/shared/export';

const table: SourceTable = {
  title: 'Sources: "Quoted", with | pipes *and* <b>tags</b>',
  columns: ['Outlet', 'Statement'],
  rows: [
    ['The "Daily", Ltd', 'Line one\nline two'],
    ['Plain', 'a | b\\c'],
    ['Return', 'x\r\ny'],
  ],
};

describe('CSV export (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('')).toBe('');
  });

  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(table)).toBe(
      'Outlet,Statement\r\n' + '"The ""Daily"", Ltd","Line one\nline two"\r\n' + 'Plain,a | b\\c\r\n' + 'Return,"x\r\ny"\r\n',
    );
  });

  it('parses back to the same cells', () => {
    // A minimal RFC 4180 reader, to prove the writer's output is unambiguous.
    const parse = (csv: string): string[][] => {
      const rows: string[][] = [];
      let row: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < csv.length; i++) {
        const c = csv[i];
        if (quoted) {
          if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
          else if (c === '"') quoted = false;
          else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') row.push(field), (field = '');
        else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
        else field += c;
      }
      return rows;
    };
    expect(parse(toCsv(table))).toEqual([table.columns, ...table.rows]);
  });
});

describe('CSV export is safe to open in a spreadsheet', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 20 7946 0000', `"'+44 20 7946 0000"`],
    ['-2 points', `"'-2 points"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\tindented', `"'\tindented"`],
    ['\rreturn', `"'\rreturn"`],
    // A line break inside the cell must not hide the formula (papaparse's default pattern misses it).
    ['=HYPERLINK("https://attacker.example.net")\nsecond line', `"'=HYPERLINK(""https://attacker.example.net"")\nsecond line"`],
    ['=cmd|"/c calc"!A1', `"'=cmd|""/c calc""!A1"`],
    // Only the first character counts: these are text already.
    ['a=1', 'a=1'],
    [' =1', '" =1"'], // quoted because it starts with a space (papaparse keeps edge spaces that way), not escaped
    ['2-1', '2-1'],
  ])('%j → %j', (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it('neutralises formula cells anywhere in a table, headers included', () => {
    const hostile: SourceTable = { title: 't', columns: ['=Outlet', 'Statement'], rows: [['@Paper', '+1 seat'], ['Plain', '-Rates frozen']] };
    expect(toCsv(hostile)).toBe(`"'=Outlet",Statement\r\n"'@Paper","'+1 seat"\r\nPlain,"'-Rates frozen"\r\n`);
  });
});

describe('Markdown export', () => {
  it('escapes what Markdown would interpret', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('*x* _y_ [l](u) <img> `c` # h \\')).toBe('\\*x\\* \\_y\\_ \\[l\\](u) \\<img\\> \\`c\\` \\# h \\\\');
  });

  it('writes a heading and a pipe table whose cells cannot break the table', () => {
    const md = toMarkdown(table);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Sources: "Quoted", with \\| pipes \\*and\\* \\<b\\>tags\\</b\\>');
    expect(lines[2]).toBe('| Outlet | Statement |');
    expect(lines[3]).toBe('| --- | --- |');
    expect(lines[4]).toBe('| The "Daily", Ltd | Line one<br>line two |');
    expect(lines[5]).toBe('| Plain | a \\| b\\\\c |');
    expect(lines[6]).toBe('| Return | x<br>y |');
    // Every table row has exactly as many unescaped pipes as the header.
    const pipes = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
    for (const l of lines.slice(2, 7)) expect(pipes(l)).toBe(3);
  });

  it('names files after the title', () => {
    expect(fileNameFor('Sources: Jeremy Corbyn', 'csv')).toBe('sources-jeremy-corbyn.csv');
    expect(fileNameFor('***', 'md')).toBe('sources.md');
  });
});
