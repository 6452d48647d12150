/**
 * The agent's choice of the customer's language, remembered per ticket in the app frame's
 * localStorage so it sticks across reloads of the ticket, without any server state.
 */
export interface LanguageOverrideStore {
  get(ticketKey: string): string | undefined;
  set(ticketKey: string, language: string | undefined): void;
}

const PREFIX = 'parley.customerLanguage.';

export function createLanguageOverrideStore(storage: Storage | undefined): LanguageOverrideStore {
  return {
    get(ticketKey) {
      try {
        return storage?.getItem(PREFIX + ticketKey) ?? undefined;
      } catch {
        return undefined; // storage blocked (third-party iframe rules): no override
      }
    },
    set(ticketKey, language) {
      try {
        if (language) storage?.setItem(PREFIX + ticketKey, language);
        else storage?.removeItem(PREFIX + ticketKey);
      } catch {
        // storage blocked: the choice lasts for this page only (kept in component state)
      }
    },
  };
}

/** Storage key for one ticket in one helpdesk. */
export function ticketKey(helpdesk: string, ticketId: string): string {
  return `${helpdesk}:${ticketId}`;
}
