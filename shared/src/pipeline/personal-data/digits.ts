/** Helpers the checksum detectors share: candidate digits and the checksums of ISO 7064. */

/** The ASCII digits of `text`, separators dropped. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Luhn (mod 10), as on payment cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The remainder mod 97 of a decimal number too long for a double, folded a few digits at a time
 * (IBAN, French NIR).
 */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index += 7)
    remainder = Number(`${remainder}${digits.slice(index, index + 7)}`) % 97;
  return remainder;
}
