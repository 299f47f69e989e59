/** `/metrics` in Prometheus text format: the operational gauges an ops team scrapes. */
import type { Server } from 'socket.io';
import type { Container } from './container';

export function prometheusText(container: Container, io: Server | null): string {
	const { calls, chats, cases } = container.live.wallView({
		province: null,
		issueType: null
	}).today;
	const gauges: [string, string, number][] = [
		['sigap_socket_clients', 'Connected Socket.io clients', io?.engine.clientsCount ?? 0],
		['sigap_calls_waiting', 'Calls waiting in queue now', calls.waitingNow],
		['sigap_calls_offered_today', 'Calls offered today (WIB)', calls.offered],
		['sigap_chats_waiting', 'Chats handed off and waiting for an agent', chats.waitingNow],
		['sigap_cases_backlog', 'Open cases', cases.backlog],
		['sigap_cases_breached', 'Open cases with a breached SLA target', cases.breached],
		['sigap_process_resident_bytes', 'Resident memory of the process', process.memoryUsage().rss]
	];
	return gauges
		.map(
			([name, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`
		)
		.join('');
}
