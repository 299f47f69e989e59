/**
 * The wall's optional breach chime (`/wall?chime=1`, issue 3 §5): two short Web Audio tones,
 * no audio file. Browsers start audio only after a user gesture (or a kiosk flag such as
 * `--autoplay-policy=no-user-gesture-required`), so `ready` says whether a tap is needed.
 */

type AudioContextClass = typeof AudioContext;

export class Chime {
	#context: AudioContext | null = null;

	/** Creates the audio context lazily; null when the browser has no Web Audio. */
	#audio(): AudioContext | null {
		if (this.#context) return this.#context;
		const Ctor = (globalThis as { AudioContext?: AudioContextClass }).AudioContext;
		this.#context = Ctor ? new Ctor() : null;
		return this.#context;
	}

	/** True when a chime would be heard now (the context runs). */
	get ready(): boolean {
		return this.#audio()?.state === 'running';
	}

	/**
	 * Calls `onChange` whenever audio starts or stops running. A new context is `suspended`
	 * at first even where autoplay is allowed (kiosk flag, an earlier gesture on the site) and
	 * starts a moment later, so the wall follows the context instead of reading it once.
	 */
	watch(onChange: (running: boolean) => void): () => void {
		const audio = this.#audio();
		if (!audio) return () => {};
		const listener = () => onChange(audio.state === 'running');
		audio.addEventListener('statechange', listener);
		return () => audio.removeEventListener('statechange', listener);
	}

	/** Call from a click: browsers unlock audio only inside a user gesture. */
	async unlock(): Promise<boolean> {
		const audio = this.#audio();
		if (!audio) return false;
		if (audio.state !== 'running') await audio.resume();
		return audio.state === 'running';
	}

	/** Two descending tones (880 Hz, then 660 Hz), 0.18 s each; silent if audio is locked. */
	play(): void {
		const audio = this.#audio();
		if (!audio || audio.state !== 'running') return;
		const start = audio.currentTime;
		[880, 660].forEach((frequency, i) => this.#tone(audio, frequency, start + i * 0.22));
	}

	#tone(audio: AudioContext, frequency: number, at: number): void {
		const oscillator = audio.createOscillator();
		const gain = audio.createGain();
		oscillator.type = 'sine';
		oscillator.frequency.value = frequency;
		// A short attack and decay, so the tone does not click.
		gain.gain.setValueAtTime(0.0001, at);
		gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
		gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
		oscillator.connect(gain).connect(audio.destination);
		oscillator.start(at);
		oscillator.stop(at + 0.2);
	}

	close(): void {
		void this.#context?.close();
		this.#context = null;
	}
}
