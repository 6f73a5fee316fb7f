// fake-winrm as its own process, for the detached lab: `node main.js <config.json>`. It serves until
// SIGTERM, SIGINT or SIGHUP, then kills every command it started and exits.
import { readConfigFile } from './config.js';
import { startFakeWinrm } from './server.js';

const file = process.argv[2];
const config = file ? readConfigFile(file) : { ok: false as const, message: 'usage: main.js <config.json>' };
if (!config.ok) {
  process.stderr.write(`fake-winrm: ${config.message}\n`);
  process.exit(2);
}
try {
  const fake = await startFakeWinrm(config.value);
  process.on('exit', () => fake.killNow());
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => void fake.close().finally(() => process.exit(0)));
  }
  const where = fake.listeners.map((l) => `${l.host}=${l.secure ? 'https' : 'http'}://${l.address}:${l.port}`);
  process.stdout.write(`fake-winrm: listening: ${where.join(' ')}\n`);
} catch (err) {
  process.stderr.write(`fake-winrm: ${(err as Error).message.split('\n')[0]}\n`);
  process.exit(1);
}
