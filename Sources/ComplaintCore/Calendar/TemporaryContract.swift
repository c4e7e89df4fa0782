// Stand-in for the calendar/terms contract until wip/calendar lands; removed at merge.
public enum Regime: String, Sendable, CaseIterable { case wko, wkkgz, jeugdwet }
