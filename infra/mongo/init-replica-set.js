// One-shot initialisation of the compose MongoDB replica set `rs0` (mongo1..3), run by the
// `mongo-init` container of docker-compose.yml:
//
//   mongosh --nodb --quiet --norc --file /init/init-replica-set.js
//
// It connects itself, as the root user that mongo1's entrypoint created (MONGO_ROOT_USERNAME /
// MONGO_ROOT_PASSWORD from the environment, so no password appears on a command line).
//
// Idempotent, so it runs on every `docker compose up`:
//   1. rs.initiate() the three members once (mongo1 preferred primary);
//   2. wait until there is a primary;
//   3. create or update one user per service, with readWrite on that service's own database only
//      (no service can read another's data; passwords come from the environment).
// Exits non-zero on failure so that the services, which depend on this container having completed
// successfully, do not start against a half-initialised set.

const REPLICA_SET = process.env.MONGO_REPLICA_SET || 'rs0';
const MEMBERS = (process.env.MONGO_MEMBERS || 'mongo1:27017,mongo2:27017,mongo3:27017').split(',');
const PRIMARY_WAIT_SECONDS = 120;

// service -> its database and the environment variable holding its password
const SERVICE_USERS = [
  { user: 'shelter-occupancy-service', db: 'shelter_occupancy', passwordEnv: 'MONGO_SHELTER_OCCUPANCY_PASSWORD' },
  { user: 'transport-service', db: 'transport', passwordEnv: 'MONGO_TRANSPORT_PASSWORD' },
  { user: 'rental-referral-service', db: 'rental_referral', passwordEnv: 'MONGO_RENTAL_REFERRAL_PASSWORD' },
];

const ROOT_CREDENTIALS =
  `${encodeURIComponent(process.env.MONGO_ROOT_USERNAME || 'root')}:${encodeURIComponent(process.env.MONGO_ROOT_PASSWORD || '')}`;
const NOT_YET_INITIALIZED = 94;
const ALREADY_INITIALIZED = 23;

function log(message) {
  print(`[init-replica-set] ${message}`);
}

function fail(message) {
  log(`ERROR: ${message}`);
  quit(1);
}

// The first member, directly: before rs.initiate there is no replica set to discover.
const seed = new Mongo(`mongodb://${ROOT_CREDENTIALS}@${MEMBERS[0]}/?directConnection=true&authSource=admin`);
const seedAdmin = seed.getDB('admin');

// mongosh throws on some failed commands and returns {ok: 0} on others: handle both alike.
function run(admin, command) {
  try {
    return admin.runCommand(command);
  } catch (e) {
    return { ok: 0, code: e.code, codeName: e.codeName, errmsg: e.message };
  }
}

function replicaSetStatus() {
  const status = run(seedAdmin, { replSetGetStatus: 1 });
  if (status.ok === 1) {
    return status;
  }
  if (status.code === NOT_YET_INITIALIZED) {
    return null;
  }
  throw new Error(`replSetGetStatus failed: ${status.codeName || status.code} ${status.errmsg}`);
}

function initiateOnce() {
  if (replicaSetStatus() !== null) {
    log(`replica set ${REPLICA_SET} already initiated`);
    return;
  }
  const config = {
    _id: REPLICA_SET,
    members: MEMBERS.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })),
  };
  log(`initiating ${REPLICA_SET} with ${MEMBERS.join(', ')}`);
  const result = run(seedAdmin, { replSetInitiate: config });
  // ALREADY_INITIALIZED: two init runs raced and the other one won, which is fine.
  if (result.ok !== 1 && result.code !== ALREADY_INITIALIZED) {
    fail(`replSetInitiate failed: ${result.codeName || result.code} ${result.errmsg}`);
  }
}

function waitForPrimary() {
  const deadline = Date.now() + PRIMARY_WAIT_SECONDS * 1000;
  while (Date.now() < deadline) {
    const status = replicaSetStatus();
    const primary = status && status.members.find((m) => m.stateStr === 'PRIMARY');
    if (primary) {
      log(`primary is ${primary.name}`);
      return primary.name;
    }
    sleep(1000);
  }
  fail(`no primary after ${PRIMARY_WAIT_SECONDS}s`);
}

function ensureServiceUsers() {
  // User administration must reach the primary, which need not be mongo1: talk to the whole set.
  const conn = new Mongo(`mongodb://${ROOT_CREDENTIALS}@${MEMBERS.join(',')}/?replicaSet=${REPLICA_SET}&authSource=admin`);
  for (const service of SERVICE_USERS) {
    const password = process.env[service.passwordEnv];
    if (!password) {
      fail(`${service.passwordEnv} is not set`);
    }
    const database = conn.getDB(service.db);
    const roles = [{ role: 'readWrite', db: service.db }];
    if (database.getUser(service.user) === null) {
      database.createUser({ user: service.user, pwd: password, roles: roles }, { w: 'majority' });
      log(`created user ${service.user} (readWrite on ${service.db})`);
    } else {
      // Keeps the password in step with .env, which is how it is rotated.
      database.updateUser(service.user, { pwd: password, roles: roles }, { w: 'majority' });
      log(`updated user ${service.user}`);
    }
  }
}

try {
  initiateOnce();
  waitForPrimary();
  ensureServiceUsers();
  log('done');
} catch (e) {
  fail(`${e.codeName || e.name}: ${e.message}`);
}
