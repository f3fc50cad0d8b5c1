/**
 * Password input for the CLI: from an environment variable when one is named (scripts, CI), otherwise a prompt that
 * does not echo. With neither a variable nor a terminal, it fails with a message saying which variable to set.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';

export async function readPassword(envVar: string, question: string): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error(`No password given: set ${envVar}, or run this in a terminal to be asked for it.`);
  }
  const muted = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
