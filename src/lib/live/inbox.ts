/**
 * The notification list as the browser keeps it (issue 3 §Alerts): newest delivery first, each
 * notification once — a push may repeat one the page already has from its load.
 */
import type { NotificationView } from '$contracts/cases';

/** The list with `n` in its place (newest `deliverAt` first, then newest id); no duplicates. */
export function addNotification(
	list: readonly NotificationView[],
	n: NotificationView
): NotificationView[] {
	const rest = list.filter((x) => x.id !== n.id);
	const at = (x: NotificationView) => Date.parse(x.deliverAt);
	return [...rest, n].sort((a, b) => at(b) - at(a) || b.id - a.id);
}
