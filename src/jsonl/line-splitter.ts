// Lines cut out of bytes pushed in pieces (a download passing through), the same lines readLines
// (lines.ts) gives for the same bytes read from a file: numbers, byte offsets, a UTF-8 BOM at the
// start removed, the '\r' of CRLF removed, a last line without '\n' included.

const LF = 0x0a

/** Receives each line: its bytes (valid only during the call), its offset in the file, its 1-based number. */
export type OnLine = (bytes: Buffer, offset: number, number: number) => void

export class LineSplitter {
  private carry = Buffer.alloc(0)
  private carryLength = 0
  private carryOffset = 0
  private position = 0
  private number = 0
  private readonly onLine: OnLine
  constructor(onLine: OnLine) {
    this.onLine = onLine
  }

  /** Takes the next bytes of the file; complete lines are handed out at once, the rest is kept. */
  push(data: Buffer): void {
    let start = 0
    if (this.carryLength > 0) {
      const newline = data.indexOf(LF)
      if (newline === -1) {
        this.append(data)
        this.position += data.length
        return
      }
      this.append(data.subarray(0, newline))
      this.emit(this.carry.subarray(0, this.carryLength), this.carryOffset)
      this.carryLength = 0
      start = newline + 1
    }
    for (;;) {
      const newline = data.indexOf(LF, start)
      if (newline === -1) break
      this.emit(data.subarray(start, newline), this.position + start)
      start = newline + 1
    }
    if (start < data.length) {
      this.carryOffset = this.position + start
      this.append(data.subarray(start))
    }
    this.position += data.length
  }

  /** The end of the file: a last line without '\n' is handed out. */
  end(): void {
    if (this.carryLength > 0) this.emit(this.carry.subarray(0, this.carryLength), this.carryOffset)
    this.carryLength = 0
    this.carry = Buffer.alloc(0)
  }

  private append(bytes: Buffer): void {
    const total = this.carryLength + bytes.length
    if (total > this.carry.length) {
      const bigger = Buffer.allocUnsafe(Math.max(total, this.carry.length * 2, 16 * 1024))
      this.carry.copy(bigger, 0, 0, this.carryLength)
      this.carry = bigger
    }
    bytes.copy(this.carry, this.carryLength)
    this.carryLength = total
  }

  private emit(bytes: Buffer, offset: number): void {
    const number = ++this.number
    if (
      number === 1 &&
      bytes.length >= 3 &&
      bytes[0] === 0xef &&
      bytes[1] === 0xbb &&
      bytes[2] === 0xbf
    ) {
      bytes = bytes.subarray(3)
      offset += 3
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d)
      bytes = bytes.subarray(0, bytes.length - 1)
    this.onLine(bytes, offset, number)
  }
}
