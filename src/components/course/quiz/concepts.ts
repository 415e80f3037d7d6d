/**
 * What a self-check question tests (the `concept` of each question in quiz.yaml): one idea
 * of the article a student must understand, never a detail to recall (an order, a count, a
 * ranking, a vendor's customer). Every concept is tested somewhere on the site.
 * - `layers`: what lies where (the hypervisor on the hardware, no host operating system; the
 *   hosted stack as context);
 * - `direct-io`: with no host operating system, the hypervisor reaches the I/O devices
 *   without a detour;
 * - `emulation`: the hypervisor's low-level driver emulates each shared device for further VMs;
 * - `drivers-effort`: the hypervisor must as a rule bring device and platform drivers, and
 *   installing bare metal takes considerably more work than hosted;
 * - `realtime`: a real-time operating system beside a general-purpose one;
 * - `type-names`: Type 1 and Type 2, the literature's names (context).
 */
export const quizConcepts = [
  'layers',
  'direct-io',
  'emulation',
  'drivers-effort',
  'realtime',
  'type-names',
] as const;

export type QuizConcept = (typeof quizConcepts)[number];
