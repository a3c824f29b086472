/**
 * How every command-line tool starts: a closed pipe (`| head`) ends it quietly instead of with a
 * stack trace, and its exit code is what `main` returns (1 for an unexpected error, named).
 */
export function runCli(name: string, main: () => Promise<number>): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
