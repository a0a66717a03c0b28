import { ConfigError, isEmulatorMode, parseEnv } from './env';
import { startLocalServer } from './node/server';

// `npm start`: the bot, and in emulator mode the LINE emulator and the simulator, on localhost.
async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const server = await startLocalServer({ env });
  const lines = [
    `tsunagu is listening on ${server.url}`,
    `  webhook:   ${server.url}/webhook`,
    `  admin:     ${server.url}/admin/   (相談員・職員の管理画面 / staff admin app)`,
  ];
  if (isEmulatorMode(env)) {
    lines.push(
      'Emulator mode: no LINE credentials were given, so the built-in LINE emulator answers instead of LINE.',
      `  simulator: ${server.url}/simulator/   (チャットを試す / chat as a resident)`,
    );
  } else {
    lines.push(`LINE mode: talking to ${env.LINE_API_BASE_URL}`);
  }
  lines.push(`  database:  ${env.DATABASE_URL.startsWith('file:') ? env.DATABASE_URL : env.DATABASE_URL.replace(/\/\/.*@/, '//***@')}`);
  console.log(lines.join('\n'));

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
