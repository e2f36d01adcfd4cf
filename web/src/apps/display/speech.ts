/**
 * Announcements, one after the other: a call waits for the previous one to finish (or for a time-out
 * when the browser never says it ended), so two calls never talk over each other. Without
 * speechSynthesis (some kiosks, headless browsers) calls are shown and not spoken.
 */
export class Announcer {
  private readonly pending: string[] = [];
  private speaking = false;

  constructor(private readonly lang = 'vi-VN') {}

  get available() {
    return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
  }

  say(text: string) {
    if (!this.available) return;
    this.pending.push(text);
    if (!this.speaking) this.next();
  }

  private next() {
    const text = this.pending.shift();
    if (text === undefined) {
      this.speaking = false;
      return;
    }
    this.speaking = true;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = this.lang;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(this.lang.slice(0, 2)));
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      // A short pause between two calls.
      setTimeout(() => this.next(), 600);
    };
    const guard = setTimeout(done, 12_000);
    utterance.onend = done;
    utterance.onerror = done;
    try {
      window.speechSynthesis.speak(utterance);
    } catch {
      done();
    }
  }

  stop() {
    this.pending.length = 0;
    if (this.available) window.speechSynthesis.cancel();
  }
}
