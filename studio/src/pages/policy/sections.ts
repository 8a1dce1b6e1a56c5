/** The policy editor's sections, in the order of the side menu. */
import type { ComponentType } from 'react';
import { ApprovalsSection } from './ApprovalsSection.tsx';
import { CalendarSection } from './CalendarSection.tsx';
import { CategoriesSection } from './CategoriesSection.tsx';
import { DeadlinesSection } from './DeadlinesSection.tsx';
import type { SectionProps } from './editor.ts';
import { ExamplesSection } from './ExamplesSection.tsx';
import { FormsSection } from './FormsSection.tsx';
import { NumberingSection } from './NumberingSection.tsx';
import { PublishSection } from './PublishSection.tsx';
import { RulesSection } from './RulesSection.tsx';
import { SimulatorSection } from './SimulatorSection.tsx';
import { WorkflowSection } from './WorkflowSection.tsx';

export const SECTIONS: { id: string; component: ComponentType<SectionProps> }[] = [
  { id: 'forms', component: FormsSection },
  { id: 'categories', component: CategoriesSection },
  { id: 'approvals', component: ApprovalsSection },
  { id: 'deadlines', component: DeadlinesSection },
  { id: 'calendar', component: CalendarSection },
  { id: 'workflow', component: WorkflowSection },
  { id: 'numbering', component: NumberingSection },
  { id: 'rules', component: RulesSection },
  { id: 'simulator', component: SimulatorSection },
  { id: 'examples', component: ExamplesSection },
  { id: 'publish', component: PublishSection },
];
