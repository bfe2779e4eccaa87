import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/server/classroom/csv-cell';
import { api, createClass, joinClass, startTestServer, type TestServer } from './helpers';
import { parseCsv } from './csv';

/** What a naive splitter (no quote handling) makes of a line. */
const naive = (text: string, delimiter: string) => text.split('\r\n').flatMap((l) => l.split(delimiter));
const FORMULA = /^\s*[=+\-@\t\r]/;
const HOSTILE = ["x;=cmd|' /C calc'!A0", 'a,=1+2', 'b\t+SUM(A1)', '@x', '-2+3', 'Ann "the PO"', 'x; -1'];

describe('CSV cells', () => {
  it.each([',', ';', '\t'])('never start a formula in a spreadsheet that splits on %j', (delimiter) => {
    const line = `${HOSTILE.map(csvCell).join(',')}\r\n`;
    for (const cell of parseCsv(line, delimiter).flat()) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
    for (const cell of naive(line, delimiter)) expect(cell.replace(/^"/, ''), JSON.stringify(cell)).not.toMatch(FORMULA);
  });

  it('keep the text readable and numbers as numbers', () => {
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Ann "the PO"')).toBe('"Ann ""the PO"""');
    expect(csvCell('=1')).toBe("'=1");
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('Plain name')).toBe('Plain name');
  });
});

describe('the CSV export', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('quotes a name holding a ";" formula, for "," and ";" dialects', async () => {
    const cls = await createClass(server.url);
    await joinClass(server.url, cls.code, "x;=cmd|' /C calc'!A0");
    const csv = await api(server.url, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    expect(csv.text).toContain(`"x;'=cmd|' /C calc'!A0"`);
    for (const delimiter of [',', ';']) {
      const rows = parseCsv(csv.text, delimiter);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^\s*=/);
    }
    // In the "," dialect the name is one cell, in its own column.
    const [header, row] = parseCsv(csv.text, ',');
    expect(row![header!.indexOf('name')]).toBe("x;'=cmd|' /C calc'!A0");
  });
});
