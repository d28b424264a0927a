import type { Services } from '../../services.js';
import type { Scope } from '../auth/scope.js';
import type { Config } from '../config.js';
import type { Database } from '../database/connect.js';
import type { Deps } from '../deps.js';

/** What a CLI command gets: configuration, and services opened on first use. */
export interface CliContext {
  config(): Config;
  /** Opens and migrates the database on first call; closed when the command ends. */
  open(): Promise<{ db: Database; deps: Deps; services: Services }>;
  /** The account the command acts for: --user, RAPPORT_USER, or the only account there is. */
  scope(): Promise<Scope>;
  json(): boolean;
  /** Reads a secret such as a password: hidden on a terminal, else a line of standard input. */
  secret(question: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}
