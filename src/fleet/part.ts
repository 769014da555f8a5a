import type { FleetAggregator } from './aggregate.js';
import { type ProgressSink, type RangeEnd, readInput } from './read-input.js';
import type { InputKind } from './schema.js';
import type { InputReport } from './types.js';

/** A byte range of a large sign-in log, read by a worker thread or the main thread. */
export interface RangeTask {
  type: 'range';
  id: number;
  path: string;
  name: string;
  as: InputKind | 'auto' | undefined;
  /** Byte range of the file: from a row start to a row start (or the end of the file). */
  start: number;
  end: number;
  /** The header line (base64) for parts after the first. */
  header: string | null;
}

export interface PartResult {
  report: InputReport;
  /** The part ended on a row boundary. */
  clean: boolean;
  /** Line breaks in the part (with the header put in front, for CSV parts after the first). */
  lines: number;
}

/** Read one part into `agg`, the header line first for a CSV part after the first. */
export async function readPart(task: RangeTask, agg: FleetAggregator, progress: ProgressSink): Promise<PartResult> {
  let end: RangeEnd = { clean: false, lines: 0 };
  const prefix = task.header ? Buffer.from(task.header, 'base64') : undefined;
  // the header put in front of a part is not part of the file's bytes
  let header = prefix?.length ?? 0;
  const report = await readInput(
    {
      source: {
        name: task.name,
        path: task.path,
        range: { start: task.start, end: task.end },
        ...(prefix ? { prefix } : {}),
        open: () => {
          throw new Error('a part is read through transientChunks');
        },
      },
      as: task.as ?? 'auto',
    },
    agg,
    {
      add(file, bytes, rows) {
        const own = Math.max(0, bytes - header);
        header = Math.max(0, header - bytes);
        progress.add(file, own, rows);
      },
    },
    (e) => {
      end = e;
    },
  );
  return { report, clean: end.clean, lines: end.lines };
}
