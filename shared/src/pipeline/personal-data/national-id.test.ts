import { describe, expect, it } from 'vitest';
import { findNationalIds } from './national-id.js';

const values = (text: string) =>
  findNationalIds(text).map(({ start, end }) => text.slice(start, end));

describe('findNationalIds', () => {
  it.each([
    ['US SSN', 'My SSN is 123-45-6789.', '123-45-6789'],
    ['US SSN with spaces', 'SSN 536 22 1234', '536 22 1234'],
    ['Spanish DNI', 'Mi DNI es 12345678Z.', '12345678Z'],
    ['Spanish DNI with dots and dash', 'DNI 12.345.678-Z', '12.345.678-Z'],
    ['Spanish NIE', 'NIE X1234567L', 'X1234567L'],
    ['Brazilian CPF', 'CPF: 529.982.247-25', '529.982.247-25'],
    ['Brazilian CPF written compact', 'meu CPF 52998224725', '52998224725'],
    ['French NIR', 'n° de sécu : 1 85 05 78 006 084 91', '1 85 05 78 006 084 91'],
    ['French NIR born in Corsica', 'NIR 2 69 05 2A 123 456 88', '2 69 05 2A 123 456 88'],
    ['German Steuer-ID', 'Steuer-ID: 86 095 742 719', '86 095 742 719'],
    ['Italian codice fiscale', 'codice fiscale RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
    ['Portuguese NIF after its keyword', 'contribuinte n.º 123 456 789', '123 456 789'],
  ])('finds a %s', (_, text, id) => {
    expect(values(text)).toEqual([id]);
  });

  it.each([
    ['a DNI with the wrong letter', 'DNI 12345678A'],
    ['a CPF with a wrong check digit', 'CPF 529.982.247-24'],
    ['a CPF of one repeated digit', 'CPF 111.111.111-11'],
    ['a NIR with a wrong key', 'NIR 1 85 05 78 006 084 92'],
    ['a Steuer-ID with a wrong check digit', 'Steuer-ID 86095742718'],
    ['a codice fiscale with a wrong check letter', 'CF RSSMRA85T10A562T'],
    ['a NIF with a wrong check digit', 'NIF 123456788'],
    ['nine digits with a valid NIF check but no keyword', 'pedido 123456789'],
    ['an SSN in area 666', 'SSN 666-12-3456'],
    ['an SSN in the 9xx areas', 'SSN 912-34-5678'],
    ['an SSN with group 00', 'SSN 123-00-4567'],
    ['an SSN with serial 0000', 'SSN 123-45-0000'],
  ])('rejects %s', (_, text) => {
    expect(values(text)).toEqual([]);
  });

  it('does not take a lower-case word after eight digits for a DNI letter', () => {
    // 12345678 % 23 is 14, whose letter is Z: "z" after a space is a word, not a control letter.
    expect(values('pedido 12345678 z')).toEqual([]);
  });
});
