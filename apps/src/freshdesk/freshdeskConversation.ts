/**
 * A Freshdesk conversation as the proxy passes it on from `GET /api/v2/tickets/{id}/conversations`;
 * its own module so fixtures and tests can name it without loading the adapter.
 */
export interface FreshdeskConversation {
  id: number | string;
  body: string;
  incoming?: boolean;
  private?: boolean;
  user_id?: number | string;
  created_at?: string;
}
