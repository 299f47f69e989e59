/** Health and tone are never shown by colour alone: each has a symbol (colour-blind viewers). */
import type { Health } from '$contracts/metrics';
import type { Tone } from './tiles';

export const HEALTH_SYMBOL: Record<Health, string> = { good: '✓', warn: '▲', bad: '✕', idle: '–' };

export const TONE_SYMBOL: Record<Tone, string> = { good: '✓', warn: '▲', bad: '✕', neutral: '' };
