// The outbox: jobs (provisioning, notifications) written in the same transaction as the change they follow.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Outbox, OutboxMessage } from '../../core/ports.js';
import type { Instant, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';

export class OutboxRepo implements Outbox {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async enqueue(message: OutboxMessage, at: Instant): Promise<void> {
    await this.db.insertInto('outbox').values({
      tenant_id: this.tenantId,
      id: randomUUID(),
      topic: message.topic,
      payload: JSON.stringify(message.payload),
      created_at: at,
      available_at: at,
      attempts: 0,
      done_at: null,
    }).execute();
  }
}
