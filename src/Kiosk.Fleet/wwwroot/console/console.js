// Small browser helpers for the console (JS interop): modal dialogs and the help-call tone.

export function showModal(dialog) {
  if (!dialog.open) dialog.showModal();
}

export function close(dialog) {
  if (dialog.open) dialog.close();
}

let audio = null;

// Browsers start audio only after a user gesture: the "enable sound" button calls this.
export async function enableSound() {
  audio ??= new AudioContext();
  await audio.resume();
  tone(660, 0.12);
  return audio.state === 'running';
}

export function soundEnabled() {
  return audio !== null && audio.state === 'running';
}

function tone(frequency, seconds) {
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + seconds);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + seconds + 0.05);
}

// A help call: three rising tones (when sound was enabled); returns whether it was played.
export function helpCallTone() {
  if (!soundEnabled()) return false;
  [523, 659, 784].forEach((f, i) => setTimeout(() => tone(f, 0.18), i * 220));
  return true;
}
