import type { Database } from './orm.ts';

/** This deployment's id (migration 0150): the same for every instance on this database. */
export async function deploymentId(db: Database): Promise<string> {
  const [row] = await db.sql<{ id: string }>('select id from deployment');
  if (!row) throw new Error('the deployment row is missing (migration 0150)');
  return row.id;
}
