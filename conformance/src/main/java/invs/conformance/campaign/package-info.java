/**
 * Campaigns: the engine's one campaign loop ({@link invs.conformance.campaign.Campaign}, set up with a
 * {@link invs.conformance.campaign.CampaignBuilder}): tries on standard and generated boards, sharded and on
 * several threads, and its back end ({@link invs.conformance.campaign.Triage}): baseline, one failure kept
 * per rule, traces written as found, shrinking once, grouping findings into
 * {@link invs.conformance.campaign.Cause}s. Guided fuzzing and other schedulers hand their failures to the
 * same triage.
 *
 * <p>May use every other engine package (board, check, coverage, explain, generation, shadow, shrink,
 * trace) and the system-under-test API; of the implementations only {@code reference}, the forecast that aims
 * the batches sent to a pipelining system ({@link invs.conformance.campaign.AimedBatches}).
 */
package invs.conformance.campaign;
