import Database from 'better-sqlite3';
import {
  DeliveryProgress,
  ProgressConflictError,
  VersionedProgress,
  WebhookRecord,
  WebhookStore,
  WebhookSubscription,
} from '../../../application/ports/webhook-store.port';

interface Row {
  id: string;
  url: string;
  event_types: string | null;
  secret: string;
  created_at: string;
  created_by: string;
  progress: string;
  version: number;
  request_fingerprint: string | null;
}

const toSubscription = (row: Row): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types === null ? null : (JSON.parse(row.event_types) as string[]),
  secret: row.secret,
  createdAt: row.created_at,
  createdBy: row.created_by,
  ...(row.request_fingerprint !== null ? { requestFingerprint: row.request_fingerprint } : {}),
});

const toRecord = (row: Row): WebhookRecord => ({
  subscription: toSubscription(row),
  progress: JSON.parse(row.progress) as DeliveryProgress,
});

/**
 * The embedded store's subscriptions, in a SQLite file of their own beside the event store (never the
 * read-model file, which may be deleted and rebuilt). The embedded store serves one process, so that
 * process always holds every lease.
 */
export class SqliteWebhookStore implements WebhookStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A checkpoint lost to a power cut only means some events are delivered again.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhooks (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        url         TEXT NOT NULL,
        event_types TEXT,
        secret      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        progress    TEXT NOT NULL,
        version     INTEGER NOT NULL,
        request_fingerprint TEXT
      );
    `);
    const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(webhooks)').all();
    if (!columns.some((column) => column.name === 'request_fingerprint')) {
      this.db.exec('ALTER TABLE webhooks ADD COLUMN request_fingerprint TEXT');
    }
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO webhooks (id, url, event_types, secret, created_at, created_by, progress, version, request_fingerprint)
         VALUES (@id, @url, @eventTypes, @secret, @createdAt, @createdBy, @progress, 0, @requestFingerprint)`,
      ),
      all: this.db.prepare<[], Row>('SELECT * FROM webhooks ORDER BY seq'),
      one: this.db.prepare<[string], Row>('SELECT * FROM webhooks WHERE id = ?'),
      remove: this.db.prepare<[string]>('DELETE FROM webhooks WHERE id = ?'),
      saveProgress: this.db.prepare<[string, string, number]>(
        'UPDATE webhooks SET progress = ?, version = version + 1 WHERE id = ? AND version = ?',
      ),
    };
  }

  async create(subscription: WebhookSubscription, progress: DeliveryProgress): Promise<void> {
    this.durably(() =>
      this.statements.insert.run({
        ...subscription,
        requestFingerprint: subscription.requestFingerprint ?? null,
        eventTypes: subscription.eventTypes === null ? null : JSON.stringify(subscription.eventTypes),
        progress: JSON.stringify(progress),
      }),
    );
  }

  async subscriptions(): Promise<WebhookSubscription[]> {
    return this.statements.all.all().map(toSubscription);
  }

  async list(): Promise<WebhookRecord[]> {
    return this.statements.all.all().map(toRecord);
  }

  async get(id: string): Promise<WebhookRecord | undefined> {
    const row = this.statements.one.get(id);
    return row ? toRecord(row) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    return this.durably(() => this.statements.remove.run(id)).changes > 0;
  }

  async loadProgress(id: string): Promise<VersionedProgress | undefined> {
    const row = this.statements.one.get(id);
    return row ? { progress: JSON.parse(row.progress) as DeliveryProgress, version: row.version } : undefined;
  }

  async saveProgress(id: string, progress: DeliveryProgress, version: number): Promise<number> {
    const { changes } = this.statements.saveProgress.run(JSON.stringify(progress), id, version);
    if (changes === 0) throw new ProgressConflictError(id);
    return version + 1;
  }

  async acquireLease(): Promise<boolean> {
    return true;
  }

  async releaseLease(): Promise<void> {}

  async close(): Promise<void> {
    this.db.close();
  }

  /** A registration or removal that was answered survives a power cut, unlike a checkpoint. */
  private durably<T>(write: () => T): T {
    this.db.pragma('synchronous = FULL');
    try {
      return write();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }
}
