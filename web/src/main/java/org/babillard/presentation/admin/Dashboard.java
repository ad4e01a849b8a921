package org.babillard.presentation.admin;

import org.babillard.presentation.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.presentation.language.Language;
import org.babillard.statistics.boundary.Statistics;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The administration's first page: the statistics of the last {@value #DAYS} days as charts (PrimeFaces
 * {@code p:chart}, drawn by Chart.js, configured here as JSON) and, under each chart, the same figures as a table
 * for screen readers. The directory's status block reuses {@link DirectoryStatus}.
 */
@Named("adminDashboard")
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The window, in days (today included). */
    public static final int DAYS = 30;

    private static final String POSTS_COLOUR = "#2f6fb3";
    private static final String PEOPLE_COLOUR = "#c2410c";

    @Inject
    transient Statistics statistics;

    @Inject
    transient Messages messages;

    @Inject
    transient Language language;

    private Statistics.Dashboard figures;

    @PostConstruct
    void load() {
        try {
            figures = statistics.dashboard(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), DAYS);
        } catch (Refused e) {
            figures = new Statistics.Dashboard(List.of(), List.of(), List.of(), List.of());
        }
    }

    public Statistics.Dashboard getFigures() {
        return figures;
    }

    /** A day as the reader's language writes it briefly. */
    public String day(Statistics.Day day) {
        return day.day().format(DateTimeFormatter.ofPattern("d MMM", language.getLocale()));
    }

    /** A channel's name, or "private channel" when the administrator is not in it. */
    public String channel(Statistics.Count count) {
        return count.name() != null ? count.name() : messages.text("dashboard.privateChannel");
    }

    /** An announcement's title in the reader's language, else in the other. */
    public String title(Statistics.Acknowledgements a) {
        String fr = a.titleFr();
        String en = a.titleEn();
        String wanted = "fr".equals(language.getTag()) ? fr : en;
        return wanted != null && !wanted.isBlank() ? wanted : (fr != null && !fr.isBlank() ? fr : en);
    }

    public String getActivityChart() {
        List<Statistics.Day> days = figures.days();
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        days.forEach(d -> labels.add(day(d)));
        JsonObjectBuilder data = Jsonp.createObjectBuilder().add("labels", labels).add("datasets", Jsonp.createArrayBuilder()
                .add(dataset(messages.text("dashboard.posts"), days, Statistics.Day::posts, POSTS_COLOUR))
                .add(dataset(messages.text("dashboard.people"), days, Statistics.Day::authors, PEOPLE_COLOUR)));
        return chart("line", data, false, null);
    }

    public String getChannelsChart() {
        return bars(figures.channels(), this::channel, messages.text("dashboard.posts"), POSTS_COLOUR);
    }

    public String getTopicsChart() {
        return bars(figures.topics(), c -> "#" + c.name(), messages.text("dashboard.posts"), POSTS_COLOUR);
    }

    public String getAcknowledgementsChart() {
        List<Statistics.Acknowledgements> list = figures.announcements();
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        JsonArrayBuilder values = Jsonp.createArrayBuilder();
        list.forEach(a -> {
            labels.add(shorten(title(a)));
            values.add(a.getPercent());
        });
        JsonObjectBuilder data = Jsonp.createObjectBuilder().add("labels", labels).add("datasets", Jsonp.createArrayBuilder()
                .add(Jsonp.createObjectBuilder().add("label", messages.text("dashboard.acknowledgedPercent")).add("data", values)
                        .add("backgroundColor", PEOPLE_COLOUR)));
        return chart("bar", data, true, 100);
    }

    private String bars(List<Statistics.Count> counts, Function<Statistics.Count, String> label, String name, String colour) {
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        JsonArrayBuilder values = Jsonp.createArrayBuilder();
        counts.forEach(c -> {
            labels.add(shorten(label.apply(c)));
            values.add(c.posts());
        });
        JsonObjectBuilder data = Jsonp.createObjectBuilder().add("labels", labels).add("datasets", Jsonp.createArrayBuilder()
                .add(Jsonp.createObjectBuilder().add("label", name).add("data", values).add("backgroundColor", colour)));
        return chart("bar", data, true, null);
    }

    private static JsonObjectBuilder dataset(String label, List<Statistics.Day> days, ToLongFunction<Statistics.Day> value,
                                             String colour) {
        JsonArrayBuilder values = Jsonp.createArrayBuilder();
        days.forEach(d -> values.add(value.applyAsLong(d)));
        return Jsonp.createObjectBuilder().add("label", label).add("data", values).add("borderColor", colour)
                .add("backgroundColor", colour).add("tension", 0.2);
    }

    /** A Chart.js configuration; horizontal bars keep long names readable on a phone. */
    private static String chart(String type, JsonObjectBuilder data, boolean horizontal, Integer max) {
        // Counts are whole numbers from zero; the labels' axis shows a few labels, never slanted.
        JsonObjectBuilder options = Jsonp.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Jsonp.createObjectBuilder()
                        .add(horizontal ? "x" : "y", valueAxis(max))
                        .add(horizontal ? "y" : "x", Jsonp.createObjectBuilder()
                                .add("ticks", Jsonp.createObjectBuilder().add("maxRotation", 0).add("autoSkip", true)
                                        .add("maxTicksLimit", horizontal ? 10 : 8))));
        if (horizontal) {
            options.add("indexAxis", "y").add("plugins", Jsonp.createObjectBuilder()
                    .add("legend", Jsonp.createObjectBuilder().add("display", false)));
        }
        // The JSON goes into a script: "<", ">" and "&" (only ever inside strings) are written as \\u escapes, so
        // that a channel named "</script>" stays text.
        return Jsonp.createObjectBuilder().add("type", type).add("data", data).add("options", options).build().toString()
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** The values' axis: whole numbers from zero, up to {@code max} when given (percentages: 100). */
    private static JsonObjectBuilder valueAxis(Integer max) {
        JsonObjectBuilder axis = Jsonp.createObjectBuilder().add("beginAtZero", true)
                .add("ticks", Jsonp.createObjectBuilder().add("precision", 0));
        return max == null ? axis : axis.add("max", max);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
