// Prints the DDL MikroORM derives from the entities, to write a new migration by hand.
import { MikroORM } from '@mikro-orm/pglite';
import { entities } from '../entities/index.ts';

const orm = await MikroORM.init({ entities, dbName: 'memory://' });
console.log(await orm.schema.getCreateSchemaSQL());
await orm.close();
