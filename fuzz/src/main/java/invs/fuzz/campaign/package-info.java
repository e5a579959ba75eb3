/**
 * The command line's view of a campaign: its live counts and progress figures
 * ({@link invs.fuzz.campaign.CampaignCounters}, {@link invs.fuzz.campaign.CampaignProgress}) and the report it
 * prints ({@link invs.fuzz.campaign.CampaignReport}, also {@code invs merge}'s). The campaign itself (shards,
 * threads, triage, shrinking) is the engine's, {@code invs.conformance.campaign}.
 */
package invs.fuzz.campaign;
