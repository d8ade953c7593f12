/** Where the action's messages go: the runner's log in a step (action/runner.ts), a spy in tests. */
export interface Log {
  debug(message: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  /** An error annotation, on a line of a file when `where` names one. */
  error(message: string, where?: { file: string; startLine?: number }): void
  /** Folds the messages of `work` under `name`. */
  group<T>(name: string, work: () => Promise<T>): Promise<T>
}
