/** Run by trends-boundaries.spec.ts with another TZ: prints the month report as JSON. */
import { monthReport } from './month-report';

console.log(JSON.stringify(await monthReport()));
