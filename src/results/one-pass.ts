// One pass over the output: the output and error files are indexed while they download (the bytes
// pass through the indexer on their way to the file), and results.jsonl is written in input order
// meanwhile, each request as soon as its success has arrived. Lines that arrive before their turn
// are held in memory up to a budget; past it they are only indexed, and read back at their offsets
// once the downloads are complete, as joinResults (join.ts) reads every line. The file written, the
// counts and the token sums are those joinResults gives for the same files.
//
//   const pass = new OutputPass({ inputPath, destPath, secrets, signal })
//   await downloadToFile(openOutput, outputPath, { ...options, observe: pass.observer(SOURCE_OUTPUT) })
//   await downloadToFile(openErrors, errorPath, { ...options, observe: pass.observer(SOURCE_ERROR) })
//   const joined = await pass.finish({ outputPath, errorPath })   // or pass.abandon() on a failure
import type { DownloadObserver } from '../net/download.js'
import { LineSplitter } from '../jsonl/line-splitter.js'
import { ResultFileIndexer } from './indexing.js'
import { ResultIndex, SOURCE_ERROR, SOURCE_OUTPUT } from './output-index.js'
import { HeldLineStore } from './held-lines.js'
import { writeResults, type WriteSpec } from './one-pass-writer.js'
import type { JoinOptions, JoinResult } from './types.js'
import { closeFiles, openResultFiles, warnUnused } from './join.js'

/** Result lines held in memory, at most: lines that arrive well before their turn are read back instead. */
export const HELD_BYTES = 16 << 20

export interface OutputPassOptions {
  inputPath?: string
  destPath: string
  secrets?: JoinOptions['secrets']
  signal?: AbortSignal
  /** Bytes of result lines held in memory at most; default HELD_BYTES. */
  heldBytes?: number
}

const LABELS = ['output file', 'error file']

/** The join of one batch's results, built while they download. */
export class OutputPass {
  readonly index = new ResultIndex()
  private readonly options: OutputPassOptions
  private readonly held: HeldLineStore
  private readonly fileWarnings: [string[], string[]] = [[], []]
  private readonly malformed: [number, number] = [0, 0]
  /** Index size when each source's first line came: a new attempt of it starts again from there. */
  private readonly marks: (number | undefined)[] = [undefined, undefined]
  private readonly fds: (number | undefined)[] = [undefined, undefined]
  private latest = -1
  private complete = false
  private stopped = false
  private waiters: (() => void)[] = []
  private writing: { spec: WriteSpec; done: Promise<JoinResult> } | undefined

  constructor(options: OutputPassOptions) {
    this.options = options
    this.held = new HeldLineStore(options.heldBytes ?? HELD_BYTES)
    this.start()
  }

  /** For DownloadOptions.observe: a fresh indexer for every attempt of the download of `source`. */
  observer(source: typeof SOURCE_OUTPUT | typeof SOURCE_ERROR): () => DownloadObserver {
    return () => {
      if (source < this.latest)
        throw new Error('internal error: the output file is downloaded before the error file')
      if (this.marks[source] === undefined) this.marks[source] = this.index.size
      else this.restart(source)
      this.latest = source
      const indexer = new ResultFileIndexer(
        this.index,
        source,
        LABELS[source] as string,
        (this.fileWarnings[source] = [])
      )
      const splitter = new LineSplitter((bytes, offset, number) => {
        const known = this.index.size
        const slot = indexer.line(bytes, offset, number)
        if (slot < 0) return
        // A success that replaced a failure already written: the writer starts again (rare).
        if (slot < known && this.index.used[slot] === 1) this.rewrite()
        this.held.hold(slot, bytes)
      })
      return {
        bytes: (chunk) => {
          splitter.push(chunk)
          this.wake()
        },
        end: () => {
          splitter.end()
          this.malformed[source] = indexer.end().malformed
          this.wake()
        }
      }
    }
  }

  /** How many result lines are held in memory now: none of an attempt dropped, none after the end. */
  get heldLines(): number {
    return this.held.count
  }

  /** Waits until the writer has written everything, and gives what joinResults would give. */
  async finish(paths: { outputPath?: string; errorPath?: string }): Promise<JoinResult> {
    const writing = this.writing as NonNullable<OutputPass['writing']>
    const opened = openResultFiles(paths)
    this.fds[SOURCE_OUTPUT] = opened[SOURCE_OUTPUT]
    this.fds[SOURCE_ERROR] = opened[SOURCE_ERROR]
    this.complete = true
    this.wake()
    try {
      const result = await writing.done
      result.malformed = this.malformed[0] + this.malformed[1]
      const warnings = [
        ...this.fileWarnings[0],
        ...this.fileWarnings[1],
        ...writing.spec.inputWarnings
      ]
      if (this.options.inputPath !== undefined) warnUnused(this.index, warnings)
      result.warnings = warnings
      return result
    } finally {
      closeFiles(this.fds)
      this.held.clear()
    }
  }

  /** Stops the writer (a download failed): its temporary file is removed, nothing is written. */
  async abandon(): Promise<void> {
    this.stopped = true
    this.wake()
    await this.writing?.done.catch(() => undefined)
    this.held.clear()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }

  private start(): void {
    const spec: WriteSpec = {
      index: this.index,
      fds: this.fds,
      held: this.held,
      inputPath: this.options.inputPath,
      destPath: this.options.destPath,
      secrets: this.options.secrets,
      signal: this.options.signal,
      inputWarnings: [],
      state: () =>
        this.stopped || this.writing?.spec !== spec
          ? 'stop'
          : this.complete
            ? 'complete'
            : 'downloading',
      progress: () => new Promise<void>((resolve) => this.waiters.push(resolve))
    }
    const done = writeResults(spec)
    // Reported by finish(), not as an unhandled rejection meanwhile.
    done.catch(() => undefined)
    this.writing = { spec, done }
  }

  /** Starts the writer again, from the first request. */
  private rewrite(): void {
    this.index.used.fill(0)
    this.start()
    this.wake()
  }

  /**
   * A new attempt at downloading `source`: its lines from the attempt before are dropped, and the
   * writer starts again (what it wrote may have come from them).
   */
  private restart(source: typeof SOURCE_OUTPUT | typeof SOURCE_ERROR): void {
    const mark = this.marks[source] ?? 0
    this.index.truncate(mark)
    for (const slot of this.held.slots()) if (slot >= mark) this.held.release(slot)
    // Its warnings start again with the attempt's indexer (observer()); the error file's, when the
    // output starts again, are none yet: it is downloaded after the output.
    this.malformed[source] = 0
    this.rewrite()
  }
}
