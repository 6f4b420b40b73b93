package jp.kosmo.keycloak.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A data row of an import ({@code KOSMO_ROSTER_ROW}). Its status changes in the same transaction as the member it
 * creates or updates, and {@link #version} makes a second node's attempt at the same row fail, so a resumed job
 * never applies a row twice.
 */
@Entity
@Table(name = "KOSMO_ROSTER_ROW")
@NamedQueries({
        @NamedQuery(name = RosterRowEntity.IDS_BY_STATUS,
                query = "select r.id from RosterRowEntity r where r.jobId = :jobId and r.status = :status order by r.line"),
        @NamedQuery(name = RosterRowEntity.COUNTS,
                query = "select r.status, count(r) from RosterRowEntity r where r.jobId = :jobId group by r.status"),
        @NamedQuery(name = RosterRowEntity.REJECTED,
                query = "select r from RosterRowEntity r where r.jobId = :jobId and r.status = 'REJECTED' order by r.line"),
        @NamedQuery(name = RosterRowEntity.LETTERS,
                query = "select r from RosterRowEntity r where r.jobId = :jobId and r.letter is not null order by r.line"),
        @NamedQuery(name = RosterRowEntity.ERASE_LETTERS,
                query = "update RosterRowEntity r set r.letter = null where r.jobId = :jobId and r.letter is not null"),
        @NamedQuery(name = RosterRowEntity.RESEAL,
                query = "update RosterRowEntity r set r.status = 'REISSUE', r.letter = null, r.version = r.version + 1"
                        + " where r.jobId = :jobId and r.letter is not null")
})
public class RosterRowEntity {

    static final String IDS_BY_STATUS = "kosmoRosterRowIdsByStatus";
    static final String COUNTS = "kosmoRosterRowCounts";
    static final String REJECTED = "kosmoRosterRowsRejected";
    static final String LETTERS = "kosmoRosterRowsWithLetters";
    static final String ERASE_LETTERS = "kosmoRosterEraseLetters";
    static final String RESEAL = "kosmoRosterReissueUnreadableLetters";

    /** PENDING and REISSUE are to do; the others are outcomes. */
    public enum Status { PENDING, REISSUE, CREATED, UPDATED, UNCHANGED, DISABLED, REJECTED, FAILED }

    @Id
    @Column(name = "ID", length = 36)
    String id;

    @Column(name = "JOB_ID", length = 36, nullable = false)
    String jobId;

    @Column(name = "LINE", nullable = false)
    long line;

    @Column(name = "STATUS", length = 16, nullable = false)
    String status;

    @Column(name = "DATA", length = 2048)
    String data;

    @Column(name = "PROBLEM", length = 32)
    String problem;

    @Column(name = "PROBLEM_COLUMN", length = 255)
    String problemColumn;

    @Column(name = "USERNAME", length = 255)
    String username;

    @Column(name = "LETTER", length = 1024)
    String letter;

    @Version
    @Column(name = "VERSION", nullable = false)
    int version;

    protected RosterRowEntity() {
    }

    RosterRowEntity(String id, String jobId, long line, String status, String data, String problem, String problemColumn) {
        this.id = id;
        this.jobId = jobId;
        this.line = line;
        this.status = status;
        this.data = data;
        this.problem = problem;
        this.problemColumn = problemColumn;
    }
}
