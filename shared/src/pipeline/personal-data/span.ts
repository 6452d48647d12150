/** The kinds of personal data the pipeline finds, and the span a detector reports. */

export type PersonalDataKind = 'email' | 'phone' | 'card' | 'iban' | 'ip' | 'national_id' | 'name';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'email',
  'phone',
  'card',
  'iban',
  'ip',
  'national_id',
  'name',
];

export interface PersonalDataSpan {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

/** A value the helpdesk already knows about this ticket (requester/agent name, e-mail, phone). */
export interface KnownPersonalValue {
  kind: 'name' | 'email' | 'phone';
  value: string;
}
