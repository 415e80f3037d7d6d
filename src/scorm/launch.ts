// The first script of the package's launch page (scorm.html, written by scripts/scorm.ts):
// looks for the course platform's SCORM API up the parent and opener chain. Only when there
// is one does it load the runtime (runtime.ts); without one (the package opened from disk,
// or a platform that offers no API) it goes to the site's start page, which then runs as the
// portable copy does: nothing stored, nothing sent.
import { API_NAME, findApi, type ApiWindow, type ScormVersion } from '../lib/scorm.ts';

const data = document.documentElement.dataset;
const version = data['scorm'] as ScormVersion;
if (findApi(window as unknown as ApiWindow, API_NAME[version])) {
  const script = document.createElement('script');
  script.src = data['runtime'] ?? '';
  document.head.append(script);
} else {
  location.replace(data['start'] ?? 'index.html');
}
