import 'server-only';

export { getDb, getConnection, type Db } from './connection';
