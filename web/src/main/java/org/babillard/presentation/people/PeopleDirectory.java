package org.babillard.presentation.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;

import java.util.List;

/** The people directory page: a search box and the colleagues it finds. The query is in the address (?q=). */
@Named
@RequestScoped
public class PeopleDirectory {

    static final int MOST_RESULTS = 50;

    @Inject
    People people;

    private String q;
    private List<PersonCard> results;

    public List<PersonCard> getResults() {
        if (results == null) {
            results = people.search(q, MOST_RESULTS + 1);
        }
        return results.size() > MOST_RESULTS ? results.subList(0, MOST_RESULTS) : results;
    }

    /** Whether more people match than the page shows. */
    public boolean isMore() {
        getResults();
        return results.size() > MOST_RESULTS;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? null : q.strip();
    }
}
