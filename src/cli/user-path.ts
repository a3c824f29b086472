/**
 * Paths the user types on a command line, resolved from where they typed it. `npm run` moves into
 * the project root before running a script and passes the user's folder as INIT_CWD; that is
 * trusted only when npm is running this very script (INIT_CWD also leaks into anything an outer
 * `npm run` starts, such as the tests).
 */
import { resolve } from "node:path";

export function userFolder(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const viaNpmRun = env.npm_lifecycle_event === script;
  return (viaNpmRun && env.INIT_CWD) || process.cwd();
}

/** `path` resolved against the user's folder (an absolute path stays as it is). */
export function fromUserFolder(path: string, script: string, env = process.env): string {
  return resolve(userFolder(script, env), path);
}
