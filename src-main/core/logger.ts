/**
 * Structured logging with pino. Redaction is on for every key that could carry a secret or a password, so a mistaken
 * `logger.info({ token })` cannot put a credential in a log file (R2: never in logs).
 */
import pino, { type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

export const REDACT_PATHS = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'appPassword',
  'secret',
  'authorization',
  'headers.authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.appPassword',
  '*.secret',
  '*.authorization',
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.HERALD_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'herald' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that writes nothing: for CLI commands whose output is the answer itself. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
