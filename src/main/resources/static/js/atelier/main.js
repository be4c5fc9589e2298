/* Veerkracht atelier: one set of modules for the participant's phone, the facilitator's console
   and the projector (the page's data-mode says which). */
import { start } from './core.js';

start();
