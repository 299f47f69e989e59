/** Zero figures: what a scope with no contacts shows (and the wall before its first snapshot). */
import { emptyAgentCounts, composeFigures } from './compose';
import { Tally } from './fields';
import type { MetricsFigures } from './figures';
import { LiveTally } from './live';

/** All counts 0, every rate, mean and age null, ahtIsTalkOnly false. */
export function emptyFigures(): MetricsFigures {
	return composeFigures(new Tally(), new LiveTally(), emptyAgentCounts(), [], 0);
}
