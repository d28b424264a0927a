// The server's growth types: reflections, reviews, insights, skills, resources, feedback
// (type-only imports: nothing of the server reaches the bundle).
export type { Reflection, ReflectionInput, Review, ReviewInput, Figures, Insight } from '../../../../src/features/reflect/model.js';
export type { Skill, Rating, Resource, ResourceInput, ResourcePatch, Gap, Verdict } from '../../../../src/features/skills/model.js';
export type { FeedbackRequest, FeedbackResponse, PublicRequest, RequestInput, ResponseInput } from '../../../../src/features/feedback/model.js';
