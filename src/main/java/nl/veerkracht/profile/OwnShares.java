package nl.veerkracht.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.OwnShare;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/** Own units / CBS dwellings per buurt, next to the CBS share, for the newest division linked. */
@Service
public class OwnShares {

  private final ProfileRepository profiles;
  private final AnalysisSettings settings;

  public OwnShares(ProfileRepository profiles, AnalysisSettings settings) {
    this.profiles = profiles;
    this.settings = settings;
  }

  public List<OwnShareView> list(Membership m) {
    Integer year = profiles.linkYear(m.corporationId()).orElse(null);
    if (year == null) {
      return List.of();
    }
    List<ProfileRepository.BuurtUnits> units = profiles.buurtUnits(m.corporationId(), null, year);
    List<String> codes =
        units.stream()
            .map(ProfileRepository.BuurtUnits::buurtCode)
            .filter(Objects::nonNull)
            .toList();
    Map<String, Map<String, ProfileRepository.AreaFigure>> figures =
        AreaFigures.byArea(
            profiles.newestKnown(codes, List.of("dwellings", "pct_corporation_rent")));
    List<OwnShareView> out = new ArrayList<>();
    for (ProfileRepository.BuurtUnits b : units) {
      if (b.buurtCode() != null) {
        out.add(view(b, year, figures.getOrDefault(b.buurtCode(), Map.of())));
      }
    }
    return out;
  }

  private OwnShareView view(
      ProfileRepository.BuurtUnits b, int year, Map<String, ProfileRepository.AreaFigure> f) {
    ProfileRepository.AreaFigure dw = f.get("dwellings");
    ProfileRepository.AreaFigure cbs = f.get("pct_corporation_rent");
    OwnShare own =
        dw == null || dw.value() <= 0
            ? null
            : OwnShare.of(b.buurtCode(), b.units(), dw.value(), dw.year(), settings);
    Text explanation =
        own != null
            ? own.explanation()
            : Text.msg("analysis.ownShare.noDwellings", "units", b.units());
    return new OwnShareView(
        b.buurtCode(),
        b.buurtName(),
        year,
        b.units(),
        dw == null ? null : dw.value(),
        dw == null ? null : dw.year(),
        own == null ? null : own.pct(),
        own == null ? null : own.band(),
        cbs == null ? null : cbs.value(),
        cbs == null ? null : cbs.year(),
        cbs == null ? null : Bands.shareBand(cbs.value(), settings.shareBands()),
        explanation);
  }
}
