/**
 * The bare baseline of bench:scan: Fastify + mysql2 and nothing else, doing the reads and writes
 * the product does for the two hot endpoints on the same database, so the benchmark can say
 * how far the product is from the stack it runs on.
 *
 *   GET  /api/cards/:code  one SELECT joining card, cadre, the cadre's unit and its parent (the
 *                          township's hotlines), and the scan counted per card and day (the
 *                          product counts every opening the same way)
 *   POST /api/requests     the bearer token checked (HMAC, as common/auth/token.ts), one SELECT
 *                          for the card's cadre and unit, then in one transaction: the
 *                          idempotency record, the day's counter, the request, its two clocks,
 *                          its first timeline step; commit
 *
 * What it leaves out on purpose: deadlines are now + 1 and + 3 days (no working-day calendar),
 * the cadre's phone is not decrypted, no validation beyond the fields it reads, no notices, no
 * rollups. It is a floor, not a second product. It imports nothing from src/: bench/scan.ts
 * transpiles this one file and starts it with plain node, so its cold start is the stack's.
 *
 * Environment: PORT, HOST, TOKEN_SECRET, BARE_DB (JSON: mysql2 connection options).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import mysql from 'mysql2/promise';

const CARD_SQL = `
SELECT c.id AS cardId, c.code, c.status, c.household_id AS householdId,
       d.id AS cadreId, d.user_id AS cadreUserId, d.name, d.post, d.phone_masked AS phone,
       d.duties, d.duty_days AS dutyDays, d.photo_url AS photoUrl, d.active,
       u.id AS unitId, u.name AS unitName, u.kind AS unitKind, u.path AS unitPath,
       p.name AS parentName, p.kind AS parentKind, p.hotlines AS parentHotlines
  FROM card c
  JOIN cadre d ON d.id = c.cadre_id
  JOIN org_unit u ON u.id = d.org_unit_id
  LEFT JOIN org_unit p ON p.id = u.parent_id
 WHERE c.code = ?`;

type CardRow = {
  cardId: number;
  code: string;
  status: string;
  householdId: number | null;
  cadreId: number;
  cadreUserId: number;
  name: string;
  post: string;
  phone: string;
  duties: string;
  dutyDays: string;
  photoUrl: string | null;
  active: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentName: string | null;
  parentKind: string | null;
  parentHotlines: string | null;
};

const DAY_MS = 24 * 3600 * 1000;
const localDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

function userOf(header: string | undefined, secret: string): number | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [body, signature] = token.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
    sub: number;
    exp: number;
  };
  return payload.exp * 1000 > Date.now() ? payload.sub : null;
}

async function main() {
  const secret = process.env.TOKEN_SECRET ?? '';
  const pool = mysql.createPool({
    ...(JSON.parse(process.env.BARE_DB ?? '{}') as mysql.PoolOptions),
    connectionLimit: 10,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  });
  const app = Fastify({ logger: false });

  const findCard = async (code: string) => {
    const [rows] = await pool.query<(CardRow & mysql.RowDataPacket)[]>(CARD_SQL, [code]);
    const row = rows[0];
    return row && row.code === code ? row : null;
  };

  app.get('/api/health', async () => ({ status: 'ok' }));

  app.get<{ Params: { code: string } }>('/api/cards/:code', async (req, reply) => {
    const card = await findCard(req.params.code);
    if (!card) return reply.code(404).send({ code: 'CARD_NOT_FOUND' });
    await pool.query(
      'INSERT INTO card_scan_day (card_id, day, scans) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE scans = scans + 1',
      [card.cardId, localDay(new Date())],
    );
    const township = card.parentKind === 'township' ? card.parentName : null;
    return {
      code: card.code,
      cadre: {
        id: card.cadreId,
        name: card.name,
        post: card.post,
        phone: card.phone,
        duties: card.duties,
        dutyDays: card.dutyDays,
        photoUrl: card.photoUrl,
        unitName: card.unitName,
      },
      villageName: card.unitKind === 'village' ? card.unitName : null,
      townshipName: township,
      hotlines: township ? JSON.parse(card.parentHotlines ?? '[]') : [],
      handedOverFrom: null,
      replacedBy: null,
      helpCard: card.householdId !== null,
    };
  });

  app.post<{ Body: { cardCode: string; category: string; text: string } }>(
    '/api/requests',
    async (req, reply) => {
      const userId = userOf(req.headers.authorization, secret);
      if (userId === null) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
      const key = String(req.headers['idempotency-key'] ?? '');
      const card = await findCard(req.body.cardCode);
      if (!card || card.status !== 'active')
        return reply.code(404).send({ code: 'CARD_NOT_FOUND' });
      const now = new Date();
      const accept = new Date(now.getTime() + DAY_MS);
      const due = new Date(now.getTime() + 3 * DAY_MS);
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        await conn.query(
          'INSERT INTO idempotency_record (user_id, idem_key, route, request_hash, status_code) VALUES (?, ?, ?, ?, 201)',
          [userId, key, 'POST /requests', '-'],
        );
        const day = localDay(now).replace(/-/g, '');
        const [seq] = await conn.query<mysql.ResultSetHeader>(
          'INSERT INTO day_sequence (day, last_value) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)',
          [day],
        );
        const number = `MQ-${day}-${String(seq.insertId).padStart(4, '0')}`;
        const [inserted] = await conn.query<mysql.ResultSetHeader>(
          `INSERT INTO request (number, channel, category, text, requester_id, card_id,
             first_contact_cadre_id, owner_user_id, owner_unit_id, owner_unit_path, level, status,
             round, accept_due_at, due_at, submitted_at, version)
           VALUES (?, 'card_scan', ?, ?, ?, ?, ?, ?, ?, ?, 'village', 'submitted', 1, ?, ?, ?, 1)`,
          [
            number,
            req.body.category,
            req.body.text,
            userId,
            card.cardId,
            card.cadreId,
            card.cadreUserId,
            card.unitId,
            card.unitPath,
            accept,
            due,
            now,
          ],
        );
        const id = inserted.insertId;
        const clock = [id, card.cadreUserId, card.unitId, card.unitPath, now];
        await conn.query(
          `INSERT INTO request_clock (request_id, kind, round, owner_user_id, owner_unit_id,
             owner_unit_path, level, started_at, due_at)
           VALUES (?, 'accept', 1, ?, ?, ?, 'village', ?, ?), (?, 'resolve', 1, ?, ?, ?, 'village', ?, ?)`,
          [...clock, accept, ...clock, due],
        );
        await conn.query(
          `INSERT INTO request_event (request_id, action, actor_user_id, actor_role, to_status, payload)
           VALUES (?, 'submit', ?, 'resident', 'submitted', ?)`,
          [id, userId, JSON.stringify({ ownerUserId: card.cadreUserId })],
        );
        await conn.commit();
        return reply.code(201).send({ id, number, status: 'submitted' });
      } catch (err) {
        await conn.rollback();
        throw err;
      } finally {
        conn.release();
      }
    },
  );

  await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
  const stop = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
