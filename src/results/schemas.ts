// The schemas of the JSONL lines the join reads: input lines (only their custom_id), and the
// lines of the output and error files.
import { z } from 'zod'

export const InputLine = z.looseObject({ custom_id: z.string() })

export const ResultLineSchema = z.looseObject({
  id: z.string().nullish(),
  custom_id: z.string(),
  response: z
    .looseObject({
      status_code: z.number().nullish(),
      request_id: z.string().nullish(),
      body: z.unknown()
    })
    .nullish(),
  error: z
    .looseObject({
      code: z.union([z.string(), z.number()]).nullish(),
      message: z.string().nullish()
    })
    .nullish()
})
export type ResultLine = z.infer<typeof ResultLineSchema>

export const ErrorBodySchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
      type: z.string().nullish()
    })
  ])
})
