// examples/eslint.config.js as it is (typed: projectService), plus the thread probe. A config file rather than
// `overrideConfig`: worker threads load their config themselves and accept only cloneable options.
import examples from '../../examples/eslint.config.js';
import { probe } from './probe.js';

export default [...examples, probe];
