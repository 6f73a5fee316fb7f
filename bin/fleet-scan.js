#!/usr/bin/env node
// The package's command. The build (npm run setup) compiles src/ to dist/.
import('../dist/cli/main.js').catch((error) => {
  process.stderr.write(`fleet-scan: not built yet (run: npm run setup): ${error.message.split('\n')[0]}\n`);
  process.exit(2);
});
