// Batch documents as a provider answers them, parsed the way the action parses every answer.
import { parseBatch, type BatchInfo } from '../src/batch/document.js'

export const t0 = 1_700_000_000

export function completedBatch(overrides: Record<string, unknown> = {}): BatchInfo {
  return parseBatch({
    id: 'batch_abc',
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: 'file-in',
    completion_window: '24h',
    status: 'completed',
    created_at: t0,
    in_progress_at: t0 + 42,
    finalizing_at: t0 + 42 + 185,
    completed_at: t0 + 42 + 185 + 7385,
    output_file_id: 'file-out',
    error_file_id: 'file-err',
    request_counts: { total: 12345, completed: 12340, failed: 5 },
    model: 'meta-llama/Llama-3.3-70B-Instruct',
    ...overrides
  })
}
