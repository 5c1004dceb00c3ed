package io.qinglang.detect;

import java.io.Serializable;

/**
 * The detectors' lexicons, loaded once on the driver from the paths in {@link DetectSettings}
 * (a missing or malformed file stops the command before Spark work starts), and the factories of
 * the detectors that use them.
 */
public record DetectorResources(DetectSettings settings, Lexicon personalData, Lexicon impersonation,
    Lexicon confusables, Lexicon campaigns, Lexicon quoteWords, Lexicon suggestionWords,
    Lexicon hotEventWords, Lexicon tradeSecretWords) implements Serializable {

  public static DetectorResources load(DetectSettings settings) {
    DetectSettings.Lexicons l = settings.lexicons();
    DetectorResources r = new DetectorResources(settings, Lexicon.load(l.personalData()), Lexicon.load(l.impersonation()),
        Lexicon.load(l.confusables()), Lexicon.load(l.campaigns()), Lexicon.load(l.quoteContext()),
        Lexicon.load(l.suggestions()), Lexicon.load(l.hotEvents()), Lexicon.load(l.tradeSecrets()));
    r.personalDataRecognizer();
    new NameForms(r.confusables());
    StanceLexicon.of(r.campaigns());
    r.quoteContextDetector();
    r.suggestionDetector();
    r.hotEventDetector();
    r.tradeSecretDetector();
    return r;
  }

  public PersonalDataRecognizer personalDataRecognizer() {
    return new PersonalDataRecognizer(personalData, settings.personalData().contextWindow(),
        settings.personalData().reportScore());
  }

  public ImpersonationDetector impersonation(io.qinglang.registry.EnterpriseRegistry registry) {
    return new ImpersonationDetector(registry, impersonation, confusables, settings.impersonation().minFuzzyLength(),
        settings.impersonation().reportScore());
  }

  public QuoteContextDetector quoteContextDetector() {
    return new QuoteContextDetector(quoteWords, settings.quoteContext().window(),
        settings.quoteContext().minClaimChars());
  }

  public SuggestionDetector suggestionDetector() {
    return new SuggestionDetector(suggestionWords, settings.suggestions().window(), settings.suggestions().enabled());
  }

  public HotEventDetector hotEventDetector() {
    return new HotEventDetector(hotEventWords, settings.hotEvents().enabled());
  }

  public TradeSecretDetector tradeSecretDetector() {
    return new TradeSecretDetector(tradeSecretWords, settings.tradeSecrets().enabled());
  }

  public StanceLexicon stanceLexicon() {
    return StanceLexicon.of(campaigns);
  }
}
